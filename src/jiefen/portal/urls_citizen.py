from django.urls import path

from jiefen.portal import views_citizen as v

urlpatterns = [
    path("p/", v.home, name="portal_home"),
    path("p/submit/", v.submit, name="portal_submit"),
    path("p/submit/villages/", v.villages, name="portal_villages"),
    path("p/receipt/", v.receipt, name="portal_receipt"),
    path("p/track/", v.track, name="portal_track"),
    path("p/track/result/", v.track_result, name="portal_track_result"),
    path("p/track/supplement/", v.track_supplement, name="portal_track_supplement"),
    path("p/track/rate/", v.track_rate, name="portal_track_rate"),
    path("p/track/leave/", v.track_leave, name="portal_track_leave"),
    path("p/feedback/", v.feedback, name="portal_feedback"),
    path("p/feedback/done/", v.feedback_done, name="portal_feedback_done"),
    path("p/feedback/lookup/", v.feedback_lookup, name="portal_feedback_lookup"),
    path("p/feedback/<int:pk>/", v.feedback_detail, name="portal_feedback_detail"),
    path("staff/feedback/", v.feedback_staff, name="feedback_staff"),
    path("staff/feedback/<int:pk>/", v.feedback_staff_detail, name="feedback_staff_detail"),
]
