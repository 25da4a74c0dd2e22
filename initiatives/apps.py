from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = "Initiatives"

    def ready(self):
        from . import permissions  # noqa: F401  (registers the rules)
