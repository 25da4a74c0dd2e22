from django import template

from portal.hooks import hook_render

register = template.Library()


@register.simple_tag(takes_context=True)
def hook(context, slot, *args, **kwargs):
    """What the apps above this page add to it at `slot` (portal/hooks.py)."""
    return hook_render(slot, context, *args, **kwargs)
