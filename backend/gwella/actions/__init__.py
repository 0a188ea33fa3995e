"""Improvement actions: proposed by anyone in a partnership (service users included), owned
jointly by organisations (one lead, others supporting), followed through PDSA cycles and shown
to everyone ("you said, we did")."""
