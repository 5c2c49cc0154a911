from django.contrib import admin, messages

from jiefen.core import clock, workdays
from jiefen.core.audit import EVENT_LABELS
from jiefen.core.models import AuditEntry, CalendarDay, CalendarYear
from jiefen.org.admin_site import AUDIT, SYSTEM, RoleGatedAdmin, admin_site


@admin.register(AuditEntry, site=admin_site)
class AuditEntryAdmin(RoleGatedAdmin):
    """Read-only for the audit administrator; nobody may add, change or delete a row."""

    view_roles = AUDIT
    list_display = ["seq", "at", "event_label", "outcome", "actor_username", "ip", "target"]
    list_filter = ["event", "outcome"]
    search_fields = ["actor_username", "target", "ip"]
    date_hierarchy = "at"
    readonly_fields = [
        "seq",
        "at",
        "event",
        "outcome",
        "actor_id",
        "actor_username",
        "ip",
        "target",
        "detail",
        "prev_hash",
        "hash",
    ]

    @admin.display(description="事件")
    def event_label(self, obj):
        return EVENT_LABELS.get(obj.event, obj.event)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CalendarYear, site=admin_site)
class CalendarYearAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = ["year", "source", "note"]

    def changelist_view(self, request, extra_context=None):
        coming = clock.today().year + 1
        if coming not in workdays.known_years():
            messages.warning(
                request,
                f"尚未录入 {coming} 年的节假日与调休安排，该年期限暂按周末计算。国务院公布后请在“节假日与调休”中录入，并在此添加 {coming} 年。",
            )
        return super().changelist_view(request, extra_context)


@admin.register(CalendarDay, site=admin_site)
class CalendarDayAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = ["date", "is_workday", "name"]
    list_filter = ["is_workday"]
    date_hierarchy = "date"
