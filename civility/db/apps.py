from django.apps import AppConfig


class DatabaseConfig(AppConfig):
    """The database itself: our SQLite backend, the insert helper, and `civility backup|restore`."""

    name = "civility.db"
    label = "civility_db"
    verbose_name = "Database"
