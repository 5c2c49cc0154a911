"""The ``jiefen`` command: ``jiefen serve``, ``jiefen demo``, ``jiefen verify-audit`` … Every
Django management command is reachable too (``jiefen migrate``, ``jiefen shell``); hyphens in
the sub-command name stand for underscores."""

import os
import sys

USAGE = """用法：jiefen <命令> [参数]

  serve [--dev] [--bind 127.0.0.1:8000] [--workers N]   启动服务（默认 gunicorn；--dev 用开发服务器）
  migrate                  建立或升级数据库
  demo [--if-empty]        载入示范县演示数据并列出演示账户
  createadmin              创建三员管理员账户（系统、安全、审计管理员）
  import-regions FILE.csv  从 CSV 导入行政区划
  verify-audit             校验审计日志哈希链
  verify-chains            校验全部事项流转记录的哈希链
  worker [--once]          后台投递通知（短信、单位提醒、对外回调）
  rotate-keys              用当前密钥重新加密全部个人信息字段
  train [--seed N]         用引导样本和已结案事项训练类别识别模型（新版本设为当前）
  evaluate FILE.jsonl      评估当前模型：准确率、宏平均 F1、各类别指标和混淆矩阵（--json）
  assess-risk              重新研判全部在办事项的风险等级（每日运行，计入超期）
  其余 Django 管理命令均可使用，例如 jiefen shell、jiefen check。
"""


def main(argv=None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiefen.settings")
    if len(argv) < 2 or argv[1] in {"-h", "--help", "help"}:
        print(USAGE)
        return
    command = argv[1]
    if command == "serve":
        from jiefen.serve import serve

        serve(argv[2:])
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line([argv[0], command.replace("-", "_"), *argv[2:]])


if __name__ == "__main__":
    main()
