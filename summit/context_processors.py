from django.conf import settings
from django.urls import translate_url


def portal(request):
    """The same page in every interface language, for the switcher and hreflang links."""
    return {
        "alternate_urls": [
            (code, name, translate_url(request.get_full_path(), code))
            for code, name in settings.LANGUAGES
        ],
    }
