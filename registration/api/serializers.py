"""What the registration API takes and gives. Input is exactly what the schema says (strict
text, booleans and ids); personal fields are filled by registration.selectors only for those
who may see them, and the public list has none."""

from django.conf import settings
from rest_framework import serializers

from delegations.models import Delegation
from portal.api import IdField, StrictCharField

from ..models import NAME_MAX_LENGTH, REASON_MAX_LENGTH, Registration


class StrictBooleanField(serializers.BooleanField):
    """true or false, not "yes" or 1."""

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class ParticipantSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="In Cyrillic for ?lang=ru where it was given")
    title = serializers.CharField(help_text="H.E., Mr, Ms or Dr, in the list's language")
    function = serializers.CharField()
    delegation = serializers.CharField(help_text="The delegation's or organisation's name")
    delegation_id = serializers.IntegerField(allow_null=True)
    category = serializers.ChoiceField(choices=Registration.Category.choices)
    heads_delegation = serializers.BooleanField()


class ParticipantListSerializer(serializers.Serializer):
    meeting = serializers.IntegerField()
    language = serializers.CharField()
    named = serializers.IntegerField(help_text="Accredited participants who agreed to be listed")
    unnamed = serializers.IntegerField(help_text="Accredited participants counted, not named")
    results = ParticipantSerializer(many=True)


class NominationSerializer(serializers.Serializer):
    delegation = IdField(
        queryset=Delegation.objects.all(),
        required=False,
        help_text="The delegation's id; a head or focal point may leave it out (their own).",
    )
    organisation = StrictCharField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="Secretariat only: no delegation",
    )
    category = serializers.ChoiceField(
        choices=Registration.Category.choices, required=False, help_text="Secretariat only"
    )
    title = serializers.ChoiceField(choices=Registration.Title.choices)
    given_name = StrictCharField(max_length=NAME_MAX_LENGTH, help_text="As in the passport, Latin")
    family_name = StrictCharField(max_length=NAME_MAX_LENGTH, help_text="As in the passport, Latin")
    given_name_cyrillic = StrictCharField(
        max_length=NAME_MAX_LENGTH, required=False, allow_blank=True
    )
    family_name_cyrillic = StrictCharField(
        max_length=NAME_MAX_LENGTH, required=False, allow_blank=True
    )
    function = StrictCharField(max_length=200)
    email = serializers.EmailField(max_length=254)
    phone = StrictCharField(max_length=40, required=False, allow_blank=True)
    heads_delegation = StrictBooleanField(required=False, default=False)
    consent_public_list = StrictBooleanField(required=False, default=False)
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES, required=False, help_text="For the e-mails"
    )


class RegistrationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    meeting = serializers.IntegerField()
    delegation = serializers.IntegerField(allow_null=True)
    organisation = serializers.CharField()
    category = serializers.ChoiceField(choices=Registration.Category.choices)
    title = serializers.ChoiceField(choices=Registration.Title.choices)
    given_name = serializers.CharField()
    family_name = serializers.CharField()
    given_name_cyrillic = serializers.CharField()
    family_name_cyrillic = serializers.CharField()
    function = serializers.CharField()
    heads_delegation = serializers.BooleanField()
    consent_public_list = serializers.BooleanField()
    status = serializers.ChoiceField(choices=Registration.Status.choices)
    status_reason = serializers.CharField()
    checked_in_at = serializers.DateTimeField(allow_null=True)
    email = serializers.CharField(allow_null=True, help_text="Null unless you may see it")
    phone = serializers.CharField(allow_null=True, help_text="Null unless you may see it")
    has_photo = serializers.BooleanField()
    badge_code = serializers.CharField(
        allow_null=True,
        help_text="The signed code of the badge's QR code: for the secretariat, the delegation "
        "and the participant, once accredited; null otherwise.",
    )


class ReasonSerializer(serializers.Serializer):
    reason = StrictCharField(max_length=REASON_MAX_LENGTH)


class CheckInRequestSerializer(serializers.Serializer):
    code = StrictCharField(max_length=200, help_text="What the badge's QR code holds")


class CheckInSerializer(serializers.Serializer):
    registration = serializers.IntegerField()
    name = serializers.CharField()
    delegation = serializers.CharField()
    category = serializers.ChoiceField(choices=Registration.Category.choices)
    status = serializers.ChoiceField(choices=Registration.Status.choices)
    has_photo = serializers.BooleanField()
    checked_in_at = serializers.DateTimeField()
