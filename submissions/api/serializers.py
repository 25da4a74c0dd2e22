"""What the submissions API takes and gives: input exactly as the schema says."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import serializers

from portal.api import StrictCharField

from ..models import SUBJECT_MAX_LENGTH, TEXT_MAX_LENGTH, Call


class DeadlineField(serializers.DateTimeField):
    """ISO 8601; without an offset the time is read in Asia/Almaty (TIME_ZONE). A year outside
    2000–2999 is refused: far dates overflow on the way to UTC."""

    def to_internal_value(self, value):
        if not isinstance(value, str):
            self.fail("invalid", format="ISO 8601")
        try:
            parsed = super().to_internal_value(value)
        except (OverflowError, ValueError) as error:
            raise serializers.ValidationError(_("Not a valid date and time.")) from error
        if not 2000 <= parsed.year <= 2999:
            raise serializers.ValidationError(_("Not a valid date and time."))
        return parsed


class CallOpenSerializer(serializers.Serializer):
    subject = StrictCharField(max_length=SUBJECT_MAX_LENGTH)
    deadline = DeadlineField(
        help_text="ISO 8601, e.g. 2026-03-10T18:00:00+05:00; without an offset, Asia/Almaty time"
    )
    who = serializers.ChoiceField(
        choices=Call.Who.choices, help_text="states, organisations or all"
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text="The subject's language; by default ?lang= or Accept-Language",
    )


class CallSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    meeting = serializers.IntegerField(source="meeting_id")
    subject = serializers.CharField(help_text="In the answer's language, else the other one")
    deadline = serializers.DateTimeField(help_text="ISO 8601 with the Almaty offset")
    deadline_display = serializers.CharField(
        help_text='As people read it: "10 March 2026, 18:00 (Almaty, UTC+5)"'
    )
    who = serializers.ChoiceField(choices=Call.Who.choices)
    open = serializers.BooleanField()
    published = serializers.BooleanField()
    document = serializers.CharField(
        allow_null=True, help_text="The symbol of the MISC document that publishes the submissions"
    )
    url = serializers.CharField(help_text="The call's page")


class SubmitSerializer(serializers.Serializer):
    text = StrictCharField(max_length=TEXT_MAX_LENGTH, allow_blank=False)
    file = serializers.FileField(
        required=False, help_text="A PDF of at most 20 MB (multipart/form-data)"
    )
    remove_file = serializers.BooleanField(
        required=False,
        default=False,
        help_text="On a replacement without a new file: drop the PDF sent earlier",
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text="The text's language; by default ?lang= or Accept-Language",
    )


class ReceiptSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.CharField(help_text="Kept by every replacement")
    call = serializers.IntegerField(source="call_id")
    delegation = serializers.IntegerField(source="delegation_id")
    submitted_at = serializers.DateTimeField(help_text="When the first version was received")
    updated_at = serializers.DateTimeField(help_text="When the current version was received")
    replaced_at = serializers.DateTimeField(allow_null=True)
    language = serializers.CharField()
    has_file = serializers.BooleanField()
    url = serializers.CharField(help_text="The receipt's page")


class SubmissionSerializer(ReceiptSerializer):
    delegation_name = serializers.CharField()
    text = serializers.CharField()
    file_url = serializers.CharField(allow_null=True)
