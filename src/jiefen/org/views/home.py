from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from jiefen.org import selectors


@login_required
def home(request):
    user = request.user
    context = {
        "duty": list(selectors.duty_today(user.centre)),
        "centres": list(selectors.centres_in_scope(user)[:200]),
        "units": list(selectors.units_in_scope(user)[:200]),
        "staff_count": selectors.staff_in_scope(user).count(),
    }
    return render(request, "org/home.html", context)
