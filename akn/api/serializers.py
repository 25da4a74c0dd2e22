from rest_framework import serializers


class AknQuerySerializer(serializers.Serializer):
    lang = serializers.ChoiceField(choices=["ru", "en"], help_text="Language edition")


class AknImportSerializer(serializers.Serializer):
    ru = serializers.FileField(required=False, help_text="The Russian edition (AKN XML)")
    en = serializers.FileField(required=False, help_text="The English edition (AKN XML)")
    replace_edits = serializers.BooleanField(
        default=False, help_text="Replace the edits made in the draft since it was started"
    )
