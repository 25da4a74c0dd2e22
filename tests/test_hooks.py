"""A lower app's page offers a slot; a higher app fills it; the page never imports the filler."""

from django.template import Context, Template
from django.utils.safestring import mark_safe

from portal import hooks


def _render(source, **context):
    return Template("{% load hooks %}" + source).render(Context(context))


def test_a_slot_nobody_fills_renders_nothing():
    assert _render('<p>{% hook "test.nobody" %}</p>') == "<p></p>"


def test_fillers_render_in_the_order_they_registered_with_the_tag_arguments(monkeypatch):
    monkeypatch.setattr(hooks, "_slots", hooks.defaultdict(list))

    @hooks.hook_register("test.slot")
    def first(context, item, suffix=""):
        return mark_safe(f"<b>{item}{suffix}</b>")

    @hooks.hook_register("test.slot")
    def second(context, item, suffix=""):
        return f"<i>{context['who']}</i>"  # a plain string is escaped

    html = _render('{% hook "test.slot" "x" suffix="!" %}', who="Alice")
    assert html == "<b>x!</b>&lt;i&gt;Alice&lt;/i&gt;"


def test_registering_twice_fills_once(monkeypatch):
    monkeypatch.setattr(hooks, "_slots", hooks.defaultdict(list))

    def filler(context):
        return "once"

    hooks.hook_register("test.twice")(filler)
    hooks.hook_register("test.twice")(filler)
    assert _render('{% hook "test.twice" %}') == "once"
