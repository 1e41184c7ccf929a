"""6. The web UI and JSON API (`wirescope serve`): reads the record through query/ only.

Needs the `web` extra: pip install 'wirescope[web]'.
"""
