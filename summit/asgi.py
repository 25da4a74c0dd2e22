"""The ASGI application: pages and the API through Django, WebSockets (live sessions) through
Channels. daphne serves it (docker-compose's `live` service; `runserver` in development, since
daphne is the first of INSTALLED_APPS)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "summit.settings")
# Django is set up before anything imports a model (the consumers do).
django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from live.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_application,
        # Only pages of the portal's own origin may open a socket (the cookie would go along
        # from any page otherwise).
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
