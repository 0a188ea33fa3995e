"""The actions tests' partnership (board, council, forum, an outsider; people in every role;
an indicator whose board series ends in a special cause) serves the home page's tests too."""

from tests.actions.conftest import Team, team

__all__ = ["Team", "team"]
