from django.conf import settings
from django.utils.translation import get_language_info
from rest_framework import serializers

from portal.languages import language_codes


class AknQuerySerializer(serializers.Serializer):
    lang = serializers.ChoiceField(choices=settings.LANGUAGES, help_text="Language edition")


# Multipart: one optional file per language edition of the settings (`ru`, `en`, …).
class AknImportSerializer(serializers.Serializer):
    replace_edits = serializers.BooleanField(
        default=False, help_text="Replace the edits made in the draft since it was started"
    )

    def get_fields(self):
        files = {
            code: serializers.FileField(
                required=False, help_text=f"The {get_language_info(code)['name']} edition (AKN XML)"
            )
            for code in language_codes()
        }
        return {**files, **super().get_fields()}

    def editions(self, max_bytes: int) -> dict[str, bytes]:
        """The files given, by language, each read up to `max_bytes` + 1."""
        return {
            code: self.validated_data[code].read(max_bytes + 1)
            for code in language_codes()
            if self.validated_data.get(code)
        }
