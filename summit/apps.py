from django.apps import AppConfig


class SummitConfig(AppConfig):
    name = "summit"
    verbose_name = "Summit"

    def ready(self):
        from . import checks  # noqa: F401  (registers the start-up checks)
