from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "civility.accounts"
    label = "accounts"
    verbose_name = "Accounts"
