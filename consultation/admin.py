from django.contrib import admin

from .models import Comment, CommentEvent


class CommentEventInline(admin.TabularInline):
    model = CommentEvent
    extra = 0
    can_delete = False
    readonly_fields = ["actor", "action", "data", "at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "delegation", "kind", "status", "created_at", "hidden_at"]
    list_filter = ["status", "kind", "delegation", "revision__document"]
    list_select_related = ["author", "delegation", "revision__document"]
    readonly_fields = ["created_at", "updated_at"]
    raw_id_fields = ["paragraph", "parent", "revision", "author"]
    inlines = [CommentEventInline]

    def has_delete_permission(self, request, obj=None):
        return False
