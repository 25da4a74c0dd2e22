from django.conf import settings
from django.utils.translation import get_language_info
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from portal.ids import MAX_ID
from portal.languages import language_codes

from ..models import TITLE_MAX_LENGTH, Document, LanguageVersion, Series


class LanguageVersionSerializer(serializers.ModelSerializer):
    lang = serializers.CharField(source="language", help_text="Language code")
    url = serializers.SerializerMethodField(help_text="The file, as issued")
    issued = serializers.DateTimeField(source="issued_at")

    class Meta:
        model = LanguageVersion
        fields = ["lang", "url", "original", "format", "size", "sha256", "issued"]

    def get_url(self, version) -> str:
        request = self.context.get("request")
        url = version.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class AgendaItemBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    position = serializers.IntegerField()
    title = serializers.CharField()


class RegisterDocumentSerializer(serializers.ModelSerializer):
    issued = serializers.DateTimeField(source="issued_at")
    languages = serializers.SerializerMethodField()
    revises = serializers.SlugRelatedField(slug_field="symbol", read_only=True, allow_null=True)
    adds_to = serializers.SlugRelatedField(slug_field="symbol", read_only=True, allow_null=True)
    corrects = serializers.SlugRelatedField(slug_field="symbol", read_only=True, allow_null=True)
    superseded_by = serializers.SerializerMethodField(
        help_text="The symbol of the latest revision that supersedes it, or null"
    )
    agenda_item = AgendaItemBriefSerializer(read_only=True, allow_null=True)
    url = serializers.SerializerMethodField(help_text="The document's page")

    class Meta:
        model = Document
        fields = [
            "id",
            "symbol",
            "series",
            "title",
            "issued",
            "languages",
            "revises",
            "adds_to",
            "corrects",
            "superseded_by",
            "agenda_item",
            "url",
        ]

    @extend_schema_field(LanguageVersionSerializer(many=True))
    def get_languages(self, document):
        """The versions issued; a language without one is still to be issued."""
        return LanguageVersionSerializer(
            document.versions.all(), many=True, context=self.context
        ).data

    def get_superseded_by(self, document) -> str | None:
        return getattr(document, "superseded_by_symbol", None)

    def get_url(self, document) -> str:
        request = self.context.get("request")
        url = document.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class IdInput(serializers.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, required=False, **kwargs)


class RegisterDocumentIssueSerializer(serializers.Serializer):
    """Multipart: the fields below, and `file_<lang>` for each content language."""

    series = serializers.ChoiceField(choices=Series.choices)
    revises = IdInput(help_text="Id of the document of this meeting it revises")
    adds_to = IdInput(help_text="Id of the document of this meeting it adds to")
    corrects = IdInput(help_text="Id of the document of this meeting it corrects")
    agenda_item = IdInput(help_text="Id of the meeting's agenda item")

    def get_fields(self):
        fields = {}
        for code in language_codes():
            name = get_language_info(code)["name"]
            fields[f"title_{code}"] = serializers.CharField(
                max_length=TITLE_MAX_LENGTH, help_text=f"Title in {name}"
            )
        fields.update(super().get_fields())
        for code in language_codes():
            name = get_language_info(code)["name"]
            fields[f"file_{code}"] = serializers.FileField(
                required=False,
                help_text=f"The {name} version: PDF or DOCX, at most 50 MB",
            )
        fields["original"] = serializers.ChoiceField(
            choices=settings.LANGUAGES,
            required=False,
            help_text="The language of the original (the only file's, or the portal's default "
            "language, when not given); the other files are translations",
        )
        return fields
