"""HTTP for improvement actions, one module per part of the domain. Each module's router has
no prefix of its own: ``gwella.actions.router`` puts them under ``/api/v1`` in order."""
