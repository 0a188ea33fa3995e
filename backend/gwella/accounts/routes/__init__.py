"""The accounts domain's HTTP routes, one module a subject. The app includes their routers
in the order the API document lists them (see :mod:`gwella.main`)."""
