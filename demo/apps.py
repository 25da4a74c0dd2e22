from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data and `manage.py load_demo` (refused with production settings)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo data"
