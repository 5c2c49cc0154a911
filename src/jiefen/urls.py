from django.urls import include, path

from jiefen.org.admin_site import admin_site

urlpatterns = [
    path("admin/", admin_site.urls),
    path("", include("jiefen.portal.urls")),
    path("", include("jiefen.workbench.urls")),
    path("", include("jiefen.triage.urls")),
    path("", include("jiefen.org.urls")),
]
