from django.conf import settings


def portal(request):
    return {"debug_mode": settings.DEBUG}
