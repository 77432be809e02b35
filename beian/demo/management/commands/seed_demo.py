"""Demo data: an operator, a reviewer, an applicant whose organisation has an unfiled hosted site (two
domains), a second applicant (`yunfan`) whose site's domain is filed through another provider, and
a third (`filed`) whose two websites are already filed (through the real services and the sandbox
regulator), ready to be changed and cancelled from the filed dashboard. The three companies, their
applicants and sites belong to the demo site-building platform (示例建站平台, `sitebuilder`), as if it
had provisioned them: its API sees them by their ids (demo-001…, the usernames, the site addresses).
No platform token is made here: `manage.py platform_token_issue --platform sitebuilder` prints one.

Idempotent: running it again keeps what is there. Prints the URLs and the accounts."""

import contextlib
import io

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

from beian.accounts.models import Membership, Organisation, Platform, User
from beian.core.exceptions import DomainError
from beian.demo.orders import FILED, FILED_SECOND_DOMAIN, YUNFAN, filed_demo, material_files
from beian.demo.samples import write_demo_set
from beian.filings.models import SubjectFiling
from beian.hosting.models import HostedSite, SiteDomain

DEMO_PASSWORD = "beian-demo-2026"
ACCOUNTS = [
    ("operator", User.Role.OPERATOR, "operator@example.com"),
    ("reviewer", User.Role.REVIEWER, "reviewer@example.com"),
    ("applicant", User.Role.APPLICANT, "applicant@example.com"),
    ("yunfan", User.Role.APPLICANT, "yunfan@example.com"),
    ("filed", User.Role.APPLICANT, FILED.email),
]
OPERATOR_APPS = ("reference", "materials", "filings", "hosting", "accounts", "core")
DEMO_PLATFORM = ("示例建站平台", "sitebuilder")
PLATFORM_USERS = ("applicant", "yunfan", "filed")


def write_profile_set(folder, profile) -> list:
    """Good sample uploads carrying `profile`'s names (licence, ID card, owner photo, a signed form
    without an order number: the materials step offers the order's own under demo tools)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for slot, (_name, data) in material_files(profile).items():
        path = folder / f"{slot}.jpg"
        if not path.exists():
            path.write_bytes(data)
        written.append(path)
    return written


def operator_group() -> Group:
    group, _ = Group.objects.get_or_create(name="operators")
    perms = Permission.objects.filter(content_type__app_label__in=OPERATOR_APPS)
    group.permissions.set(perms)
    return group


class Command(BaseCommand):
    help = "Create the demo accounts and an unfiled hosted site (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=None, help="the port the server runs on (default: BEIAN_PORT)")
        parser.add_argument(
            "--no-filed-demo",
            action="store_true",
            help="create the `filed` account and its sites but do not file them (no material checks)",
        )

    def handle(self, *args, **options):
        users, filed_sites = self.accounts_and_sites()
        yunfan_samples = write_profile_set(settings.VAR_DIR / "demo-materials" / "yunfan", YUNFAN)
        filed_samples = write_profile_set(settings.VAR_DIR / "demo-materials" / "filed", FILED)
        samples = write_demo_set(
            settings.VAR_DIR / "demo-materials", signed_form=material_files()["verification_form"][1]
        )
        filed_number = "" if options["no_filed_demo"] else self.file_the_filed_demo(users, *filed_sites)
        port = options["port"] or settings.BEIAN_PORT
        self.stdout.write(self.style.SUCCESS("Demo ready."))
        self.stdout.write(f"  Platform:     http://127.0.0.1:{port}/")
        self.stdout.write(f"  Hosted site:  http://demo-shop.localhost:{port}/  (unfiled: shows the block page)")
        self.stdout.write(
            f"  New access:   http://yunfan.localhost:{port}/  (yunfan-tech.cn, filed via another provider)"
        )
        if filed_number:
            self.stdout.write(
                f"  Filed sites:  http://xingchen.localhost:{port}/ and http://xingchen-products.localhost:{port}/"
                f"  ({filed_number}-1 and -2: log in as `filed` to change or cancel them)"
            )
        self.stdout.write(f"  API docs:     http://127.0.0.1:{port}/api/docs")
        self.stdout.write(
            f"  Sample materials to upload: {samples[0].parent}/  (yunfan: {yunfan_samples[0].parent}/,"
            f" filed: {filed_samples[0].parent}/)"
        )
        for username, role, _email in ACCOUNTS:
            self.stdout.write(f"  {role:<10} {username} / {DEMO_PASSWORD}")
        self.stdout.write(
            f"  Platform API: {DEMO_PLATFORM[0]} (`{DEMO_PLATFORM[1]}`); a token: "
            f"manage.py platform_token_issue --platform {DEMO_PLATFORM[1]} --scopes provisioning"
        )

    def file_the_filed_demo(self, users, organisation, site, second_site) -> str:
        """The `filed` account's first filing, filed through the sandbox once (later runs find it
        filed). Returns the subject's number ("" when it could not be filed: a warning says why)."""
        record = SubjectFiling.objects.filter(organisation=organisation).first()
        if record is None:
            try:
                # its notifications (e-mails on the console backend) stay in the notification centre
                with contextlib.redirect_stdout(io.StringIO()):
                    filed_demo(
                        organisation=organisation,
                        user=users["filed"],
                        site=site,
                        second_site=second_site,
                        reviewer=users["reviewer"],
                    )
            except (DomainError, RuntimeError) as exc:
                self.stderr.write(self.style.WARNING(f"The filed demo site could not be filed: {exc}"))
                return ""
            record = SubjectFiling.objects.get(organisation=organisation)
        return record.filing_number

    @transaction.atomic
    def accounts_and_sites(self):
        users = {}
        for username, role, email in ACCOUNTS:
            user, created = User.objects.get_or_create(username=username, defaults={"role": role, "email": email})
            if created:
                user.set_password(DEMO_PASSWORD)
                user.is_staff = role == User.Role.OPERATOR
                user.save()
            users[username] = user
        users["operator"].groups.add(operator_group())
        org, _ = Organisation.objects.get_or_create(name="北京示例科技有限公司", defaults={"external_id": "demo-001"})
        Membership.objects.get_or_create(user=users["applicant"], organisation=org)
        site, created = HostedSite.objects.get_or_create(
            slug="demo-shop",
            defaults={
                "organisation": org,
                "title": "示例科技官网",
                "body_html": "<h1>北京示例科技有限公司</h1><p>欢迎访问示例科技。我们提供企业软件与技术服务。</p>",
            },
        )
        SiteDomain.objects.get_or_create(domain="demo-shop.cn", defaults={"site": site})
        # A second domain bound to the same site, never filed: the gate decides per domain, so it
        # stays blocked after demo-shop.cn is filed (until a new website order files it).
        SiteDomain.objects.get_or_create(domain="demo-shop.com.cn", defaults={"site": site})
        # New access: a company whose subject and website are filed through another provider (the
        # external-filing lookup's fixture: 沪ICP备2021012345号-1, yunfan-tech.cn via 阿里云). Its
        # site is blocked here until its new-access order passes our first review.
        yunfan, _ = Organisation.objects.get_or_create(
            name="上海云帆信息技术有限公司", defaults={"external_id": "demo-002"}
        )
        Membership.objects.get_or_create(user=users["yunfan"], organisation=yunfan)
        yunfan_site, _ = HostedSite.objects.get_or_create(
            slug="yunfan",
            defaults={
                "organisation": yunfan,
                "title": "云帆信息官网",
                "body_html": "<h1>上海云帆信息技术有限公司</h1><p>云帆信息：企业信息化解决方案。</p>",
            },
        )
        SiteDomain.objects.get_or_create(domain="yunfan-tech.cn", defaults={"site": yunfan_site})
        # Filed: a company whose two websites are filed with us (`file_the_filed_demo`), each served
        # by a hosted site of its own, for the filed dashboard's changes and cancellations.
        filed, _ = Organisation.objects.get_or_create(name=FILED.company, defaults={"external_id": "demo-003"})
        Membership.objects.get_or_create(user=users["filed"], organisation=filed)
        filed_sites = []
        for slug, title, domain in (
            ("xingchen", FILED.site_name, FILED.domain),
            ("xingchen-products", FILED.site_name.removesuffix("官网") + "产品中心", FILED_SECOND_DOMAIN),
        ):
            filed_site, _ = HostedSite.objects.get_or_create(
                slug=slug,
                defaults={
                    "organisation": filed,
                    "title": title,
                    "body_html": f"<h1>{title}</h1><p>{FILED.remark}</p>",
                },
            )
            SiteDomain.objects.get_or_create(domain=domain, defaults={"site": filed_site})
            filed_sites.append(filed_site)
        self.provisioned_by_the_demo_platform(users, [org, yunfan, filed])
        return users, (filed, *filed_sites)

    def provisioned_by_the_demo_platform(self, users, organisations) -> Platform:
        """The demo companies, their applicants and their sites as the demo platform would have
        provisioned them; what already belongs to a platform, or has an id, stays as it is."""
        name, slug = DEMO_PLATFORM
        platform, _ = Platform.objects.get_or_create(slug=slug, defaults={"name": name})
        for organisation in organisations:
            if organisation.platform_id is None and organisation.external_id:
                organisation.platform = platform
                organisation.save(update_fields=["platform"])
            if organisation.platform_id != platform.pk:
                continue
            for site in organisation.hosted_sites.filter(external_id=""):
                site.external_id = site.slug
                site.save(update_fields=["external_id"])
        for username in PLATFORM_USERS:
            user = users[username]
            if user.platform_id is None and not user.external_id:
                user.platform, user.external_id = platform, username
                user.save(update_fields=["platform", "external_id"])
        return platform
