"""The read-only web dashboard behind Sign in with Slack: `routes.py` (WSGI, sign-in,
headers), `views.py` (the pages), `openid.py` (Slack's OpenID Connect), `session.py` (signed
cookies), `charts.py` (inline SVG), `build.py` (all of it from the settings); `links.py` for
the Slack messages that link here. Nothing is imported here, so services may import `links`."""
