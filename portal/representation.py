"""The hot reads' output: serializers whose fields are worked out once per class, and JSON
already rendered passed through as it is (docs/benchmarks.md, "Issue #24")."""

import copy
import json
from functools import partial

from django.db.models.manager import BaseManager
from rest_framework import renderers, serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject


class ModelSerializer(serializers.ModelSerializer):
    # DRF's ModelSerializer for the read-only serializers of the hot reads (a comment, not a
    # docstring: the schema would describe every subclass with it):
    #
    # - its fields are worked out from the model once per class rather than on every use
    #   (for a list, once per request and nested serializer): reading the model's fields cost
    #   more than a short answer's rows. Each use of `fields` gets its own copies, as DRF gives
    #   a Serializer copies of its declared fields.
    # - it writes an answer through `Representation`: its fields are neither copied nor bound
    #   per use, but read once per class (see there). So its fields must not read the
    #   serializer's context (the request), nor may its nested serializers'.

    _fields_by_class: dict[type, dict] = {}

    def get_fields(self):
        cls = type(self)
        if cls not in self._fields_by_class:
            self._fields_by_class[cls] = super().get_fields()
        return copy.deepcopy(self._fields_by_class[cls])

    def to_representation(self, instance):
        return Representation.of(type(self))(self, instance)


class Representation:
    """How a read-only serializer class writes an instance, worked out once per class from
    the fields of one instance of it (DRF's public field API: `fields`, `source_attrs`,
    `get_attribute`, `to_representation`), and then used for every instance of every use:
    the same answer as DRF's Serializer.to_representation, without copying and binding the
    serializer's fields (and its nested serializers') on every use, nor DRF's per-field
    look-ups. A values() row (a dict) is read by key, as DRF reads a mapping.

    A field's representation runs on the fields of that one instance, whose context is
    empty: fields that need the request (hyperlinks) are refused. A SerializerMethodField's
    method is the serializer's own, called on the serializer in use."""

    _by_class: dict[type, "Representation"] = {}

    @classmethod
    def of(cls, serializer_class) -> "Representation":
        found = cls._by_class.get(serializer_class)
        if found is None:
            found = cls._by_class[serializer_class] = cls(serializer_class)
        return found

    def __init__(self, serializer_class):
        self.steps = []
        for name, field in serializer_class().fields.items():
            if field.write_only:
                continue
            related = getattr(field, "child_relation", field)  # many=True: the relation
            if isinstance(related, serializers.HyperlinkedRelatedField):
                raise TypeError(f"{serializer_class.__name__}.{name} needs the request")
            attrs = field.source_attrs
            # The key a row's value is found under, or None: read through the field.
            key = attrs[0] if len(attrs) == 1 else None
            if isinstance(field, serializers.SerializerMethodField):
                self.steps.append((name, field, None, field.method_name, False))
                continue
            represent = {
                serializers.CharField: str,
                serializers.IntegerField: int,
            }.get(type(field), field.to_representation)
            nested = field.child if isinstance(field, serializers.ListSerializer) else field
            if type(nested).to_representation is ModelSerializer.to_representation:
                # A nested serializer of this kind (one, or many as DRF's ListSerializer
                # writes them): its Representation directly, on the same serializer.
                write = Representation.of(type(nested))
                if nested is field:
                    represent = partial(write, nested)
                else:
                    represent = partial(_write_many, write, nested)
            # Only a relation's value may be a PKOnlyObject (DRF reads its pk for None).
            related = isinstance(field, serializers.RelatedField)
            self.steps.append((name, field, key, represent, related))

    def __call__(self, serializer, instance) -> dict:
        answer = {}
        row = type(instance) is dict
        for name, field, key, represent, related in self.steps:
            if row and key is not None and key in instance:
                value = instance[key]
            else:
                try:
                    value = field.get_attribute(instance)
                except SkipField:
                    continue
            if isinstance(represent, str):  # a SerializerMethodField's method
                answer[name] = getattr(serializer, represent)(value)
            elif value is None or (
                related and isinstance(value, PKOnlyObject) and value.pk is None
            ):
                answer[name] = None
            else:
                answer[name] = represent(value)
        return answer


def _write_many(write, child, values) -> list:
    # DRF's ListSerializer.to_representation: a related manager is read through all().
    iterable = values.all() if isinstance(values, BaseManager) else values
    return [write(child, value) for value in iterable]


class PreRenderedJSON(str):
    """JSON text already rendered as the API sends it (a published revision's stored
    paragraphs, drafts.models.Edition): JSONRenderer below puts it into the answer as it is,
    neither parsed nor rendered again. Only as a value of the answer's top-level object."""


class JSONRenderer(renderers.JSONRenderer):
    """DRF's JSON renderer, which also takes PreRenderedJSON values (see above): the values
    between them are rendered by DRF, and the answer keeps its order."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if not isinstance(data, dict) or not any(
            isinstance(value, PreRenderedJSON) for value in data.values()
        ):
            return super().render(data, accepted_media_type, renderer_context)
        if self.get_indent(accepted_media_type, renderer_context or {}):
            # Indented for a person (the browsable API): the stored text is compact.
            data = {
                key: json.loads(value) if isinstance(value, PreRenderedJSON) else value
                for key, value in data.items()
            }
            return super().render(data, accepted_media_type, renderer_context)
        parts, rendered, end = [], {}, object()
        for key, value in [*data.items(), (end, None)]:
            if key is not end and not isinstance(value, PreRenderedJSON):
                rendered[key] = value  # rendered by DRF with its neighbours
                continue
            if rendered:
                text = super().render(rendered, accepted_media_type, renderer_context)
                parts.append(text[1:-1])
                rendered = {}
            if key is not end:
                parts.append(json.dumps(key).encode() + b":" + value.encode())
        return b"{" + b",".join(parts) + b"}"
