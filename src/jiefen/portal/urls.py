from django.urls import include, path

urlpatterns = [
    path("", include("jiefen.portal.urls_citizen")),
    path("", include("jiefen.portal.urls_hall")),
]
