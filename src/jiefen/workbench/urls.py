from django.urls import path

from jiefen.workbench.views import case, documents, intake, queues

urlpatterns = [
    path("", queues.workbench, name="workbench"),
    path("work/<slug:key>/", queues.workbench, name="queue"),
    path("work/<slug:key>/export.xlsx", queues.export_ledger, name="queue_export"),
    path("cases/new/", intake.intake, name="intake"),
    path("cases/new/check/", intake.intake_check, name="intake_check"),
    path("cases/<int:pk>/", case.detail, name="case_detail"),
    path("cases/<int:pk>/act/<slug:action>/", case.act, name="case_act"),
    path("cases/<int:pk>/parties/<int:party_pk>/reveal/", case.reveal_party, name="party_reveal"),
    path("cases/<int:pk>/files/<int:attachment_pk>/", case.attachment, name="case_attachment"),
    path("cases/<int:pk>/docs/<slug:key>.docx", documents.word, name="case_doc"),
    path("cases/<int:pk>/docs/<slug:key>/<int:obj_pk>.docx", documents.word, name="case_doc_for"),
    path("cases/<int:pk>/print/<slug:key>/", documents.print_page, name="case_print"),
]
