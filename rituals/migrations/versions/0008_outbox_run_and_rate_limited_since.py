"""Outbox rows know the ritual run that queued them, and since when Slack answers 429.

Revision ID: 0008
Revises: 0007
"""

from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

import rituals.models

revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("run", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.add_column(sa.Column("limited_since", rituals.models.UTCDateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_outbox_run"), ["run"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_run"))
        batch_op.drop_column("limited_since")
        batch_op.drop_column("run")
