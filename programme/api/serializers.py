from rest_framework import serializers

from programme.models import AgendaItem, Meeting, Summit


class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["position", "title", "description"]


class MeetingSerializer(serializers.ModelSerializer):
    summit = serializers.SlugRelatedField(slug_field="acronym", read_only=True)
    agenda_items = AgendaItemSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "slug",
            "summit",
            "kind",
            "title",
            "place",
            "start_date",
            "end_date",
            "description",
            "agenda_items",
        ]


class MeetingBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Meeting
        fields = ["id", "slug", "kind", "title", "place", "start_date", "end_date"]


class SummitSerializer(serializers.ModelSerializer):
    meetings = MeetingBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Summit
        fields = [
            "id",
            "acronym",
            "name",
            "host_city",
            "start_date",
            "end_date",
            "timezone",
            "description",
            "meetings",
        ]
