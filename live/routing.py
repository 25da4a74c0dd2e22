from django.urls import re_path

from portal.ids import ID_PATH

from .consumers import LiveConsumer

websocket_urlpatterns = [
    re_path(rf"^ws/live/(?P<session_id>{ID_PATH})/$", LiveConsumer.as_asgi()),
]
