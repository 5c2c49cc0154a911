from django.urls import path

from jiefen.triage import views

urlpatterns = [
    path("risk/warnings/", views.warning_list, name="risk_warnings"),
    path(
        "risk/warnings/<int:pk>/acknowledge/",
        views.warning_acknowledge,
        name="risk_warning_acknowledge",
    ),
    path("risk/warnings/<int:pk>/handle/", views.warning_handle, name="risk_warning_handle"),
    path("triage/quality/", views.quality, name="triage_quality"),
]
