def roles(request):
    user = getattr(request, "user", None)
    authed = bool(user and user.is_authenticated)
    return {
        "is_reviewer": authed and user.is_reviewer,
        "is_operator": authed and user.is_operator,
        "organisation": getattr(request, "organisation", None),
    }
