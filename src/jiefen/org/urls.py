from django.contrib.auth import views as auth_views
from django.urls import path

from jiefen.org.views import auth, home

urlpatterns = [
    path("me/", home.home, name="home"),
    path("accounts/login/", auth.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth.password_change, name="password_change"),
    path("accounts/otp/", auth.otp_verify, name="otp_verify"),
]
