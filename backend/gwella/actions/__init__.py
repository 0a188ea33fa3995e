"""Improvement actions: proposed by anyone in a partnership (service users included), owned
jointly by organisations (one lead, others supporting), followed through PDSA cycles and shown
to everyone ("you said, we did").

The modules, each importing only those listed below it (never one above or beside it):

* ``router``, ``routes/`` — HTTP, one routes module per part, included in the spec's order;
* ``access`` — load what a URL names and apply ``gwella.policy``, in one call;
* ``report``, ``public``, ``accountability`` — the views: the printable report (its HTML in
  ``templates/report.html``), the public page, who carries which actions;
* ``workflow``, ``pdsa``, ``progress``, ``participation``, ``reading`` — propose, edit and
  move an action (and the overdue pass); PDSA cycles; progress updates; support; lists and
  the timeline;
* ``responsibilities`` — the organisations' parts: ask, accept, decline, owner;
* ``agenda`` — what awaits one person: parts to accept, overdue actions (for the home page);
* ``checks``, ``notify`` — the records a request names exist and are visible; the timeline
  entry, webhook events and notifications that follow a change;
* ``parties`` — who is involved in an action;
* ``rules`` — the workflow's transitions and constants, with no database;
* ``schemas``, ``models`` — the API's shapes and the tables.
"""
