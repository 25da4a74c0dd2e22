from django.apps import AppConfig


class ConsultationConfig(AppConfig):
    name = "consultation"
    verbose_name = "Consultation"

    def ready(self):
        from . import hooks, permissions  # noqa: F401  (registers the rules and fills drafts' slots)
