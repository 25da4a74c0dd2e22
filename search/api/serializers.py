from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from portal.ids import MAX_ID

from ..models import Entry
from ..selectors import QUERY_MAX_LENGTH, TOO_LONG

# The whitespace a query may not consist of alone, as the schema's pattern spells it.
BLANK = "\t\n\v\f\r "


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=QUERY_MAX_LENGTH,
        trim_whitespace=False,
        error_messages={
            "required": _("Type at least one word to search for (q)."),
            "blank": _("Type at least one word to search for (q)."),
            "max_length": TOO_LONG,
        },
    )
    type = serializers.ChoiceField(choices=Entry.Kind.choices, required=False)
    meeting = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)

    def validate(self, data):
        # DRF reads an empty value of an optional parameter as "not given"; the schema's
        # enum and integer have no empty string, so it is refused, as the API's filters do.
        empty = [name for name in ("type", "meeting") if self.initial_data.get(name) == ""]
        if empty:
            raise serializers.ValidationError(
                {name: [_("This value may not be empty.")] for name in empty}
            )
        return data

    def validate_q(self, value: str) -> str:
        if not value.strip(BLANK):
            raise serializers.ValidationError(self.fields["q"].error_messages["blank"])
        return value


class SearchResultSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Entry.Kind.choices)
    kind_label = serializers.CharField(help_text="The kind in the answer's language")
    title = serializers.CharField()
    context = serializers.CharField(
        help_text="Where the text stands: a paragraph's document and revision, a section's "
        "initiative, a meeting's place and dates"
    )
    snippet = serializers.CharField(
        help_text="HTML: the text around the matches, escaped, with each matched word form "
        "in <mark>; no other markup"
    )
    url = serializers.URLField()
    language = serializers.CharField()
    meeting = serializers.IntegerField(allow_null=True)
    updated_at = serializers.DateTimeField(allow_null=True)
