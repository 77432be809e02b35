"""python -m beian.rules: check, validate, schema, docs; JSON out, exit 0/1/2, no Django needed."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from beian.rules import ORDER_JSON_SCHEMA
from beian.rules.cli import main
from beian.rules.tests.builders import enterprise_order

ROOT = Path(__file__).resolve().parents[3]


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_check_valid_value_prints_an_empty_list_and_exits_0(capsys):
    assert run(capsys, "check", "uscc", "91110000600037341L") == (0, "[]\n")


def test_check_error_exits_1_with_findings_as_json(capsys):
    code, out = run(capsys, "check", "domain", "example.io", "--lang", "en")
    [finding] = json.loads(out)
    assert code == 1
    assert (finding["code"], finding["field"], finding["severity"]) == (
        "website.domain.tld_not_approved",
        "domain",
        "error",
    )
    assert finding["message"] == finding["message_en"]


def test_check_warnings_only_exit_0(capsys):
    code, out = run(capsys, "check", "site-name", "张三的技术博客", "--nature", "5")
    assert code == 0
    assert [f["code"] for f in json.loads(out)] == ["website.name.personal_restricted_word"]
    assert json.loads(out)[0]["message"].startswith("个人网站名称")


def test_check_with_nature_and_province(capsys):
    code, out = run(capsys, "check", "uscc", "91110000600037341L", "--nature", "3", "--province", "31")
    assert code == 1
    assert {f["code"] for f in json.loads(out)} == {
        "subject.uscc.category_nature_mismatch",
        "subject.uscc.region_other_province",
    }


def test_check_certificate_by_type(capsys):
    assert run(capsys, "check", "certificate", "E12345678", "--certificate-type", "7")[0] == 0


@pytest.mark.parametrize(
    "argv", [["check", "certificate", "E12345678"], ["check", "colour", "red"], [], ["validate"], ["check", "uscc"]]
)
def test_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2


def order_file(tmp_path: Path, data) -> str:
    path = tmp_path / "order.json"
    path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return str(path)


def test_validate_complete_order_file(capsys, tmp_path):
    data = dataclasses.asdict(enterprise_order())
    del data["input_findings"]
    assert run(capsys, "validate", order_file(tmp_path, data), "--complete", "--today", "2026-11-29") == (0, "[]\n")


def test_validate_partial_order_only_fails_the_pre_submit_check(capsys, tmp_path):
    path = order_file(tmp_path, {"subject": {"nature": 4, "name": "北京示例科技有限公司"}})
    assert run(capsys, "validate", path) == (0, "[]\n")
    code, out = run(capsys, "validate", path, "--complete")
    assert code == 1
    assert {"subject.province", "websites"} <= {f["field"] for f in json.loads(out)}


def test_validate_unreadable_file_exits_2(capsys, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["validate", str(broken)]) == 2
    assert main(["validate", str(tmp_path / "missing.json")]) == 2


def test_validate_schema(capsys):
    code, out = run(capsys, "validate", "--schema")
    assert code == 0 and json.loads(out) == ORDER_JSON_SCHEMA


def test_docs(capsys):
    code, out = run(capsys, "docs")
    assert code == 0 and out.startswith("# Rule catalogue")


def test_module_runs_without_django():
    script = (
        "import sys, runpy; sys.argv = ['beian.rules', 'check', 'mobile', '123'];\n"
        "try:\n    runpy.run_module('beian.rules', run_name='__main__')\n"
        "except SystemExit as e:\n    assert 'django' not in sys.modules, 'django imported'; sys.exit(e.code)"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)[0]["code"] == "person.mobile.format"
