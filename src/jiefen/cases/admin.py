"""Only the deadline policy table is administered here: administrators never see case content."""

from django.contrib import admin

from jiefen.cases.models import DeadlinePolicy
from jiefen.org.admin_site import SYSTEM, RoleGatedAdmin, admin_site


@admin.register(DeadlinePolicy, site=admin_site)
class DeadlinePolicyAdmin(RoleGatedAdmin):
    edit_roles = SYSTEM
    list_display = ["matter_type", "category", "stage", "amount", "unit", "basis"]
    list_filter = ["stage", "unit", "matter_type"]
