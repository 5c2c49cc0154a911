"""Leader reception and the hall: public pages under /p/, staff pages under /staff/."""

from django.urls import path

from jiefen.portal import views_hall, views_reception

urlpatterns = [
    # 领导接访 (public)
    path("p/reception/", views_reception.public_list, name="reception_public"),
    path("p/reception/<int:pk>/book/", views_reception.book, name="reception_book"),
    path("p/reception/cancel/", views_reception.cancel, name="reception_cancel"),
    # 领导接访 (staff)
    path("staff/reception/", views_reception.staff_home, name="reception_staff"),
    path("staff/reception/publish/", views_reception.staff_publish, name="reception_publish"),
    path("staff/reception/<int:pk>/", views_reception.staff_schedule, name="reception_schedule"),
    path(
        "staff/reception/bookings/<int:pk>/receive/",
        views_reception.staff_receive,
        name="reception_receive",
    ),
    # 受理大厅: kiosk and display (public)
    path("p/kiosk/<int:centre_id>/", views_hall.kiosk, name="kiosk"),
    path("p/kiosk/<int:centre_id>/ticket/", views_hall.kiosk_take, name="kiosk_take"),
    path(
        "p/kiosk/<int:centre_id>/ticket/<int:ticket_id>/",
        views_hall.kiosk_ticket,
        name="kiosk_ticket",
    ),
    path("p/kiosk/<int:centre_id>/rate/", views_hall.kiosk_rate, name="kiosk_rate"),
    path("p/hall/<int:centre_id>/display/", views_hall.display, name="hall_display"),
    path(
        "p/hall/<int:centre_id>/display/fragment/",
        views_hall.display_fragment,
        name="hall_display_fragment",
    ),
    # 受理大厅: the window clerk (staff)
    path("staff/window/", views_hall.window_pick, name="window_pick"),
    path("staff/window/<int:pk>/", views_hall.window_desk, name="window_desk"),
    path("staff/window/<int:pk>/notices/", views_hall.notice_add, name="hall_notice_add"),
    path(
        "staff/window/<int:pk>/notices/<int:notice_id>/hide/",
        views_hall.notice_hide,
        name="hall_notice_hide",
    ),
    path("staff/window/<int:pk>/<slug:action>/", views_hall.window_act, name="window_act"),
]
