"""The scorecard: an initiative's perspective, and the readings of the health indicators.

Revision ID: 0009
Revises: 0008
"""

from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

import rituals.models

revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("perspective", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True)
        )
    op.create_table(
        "indicator_reading",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("at", rituals.models.UTCDateTime(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("error", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("origin", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("recorded_at", rituals.models.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("indicator_reading", schema=None) as batch_op:
        batch_op.create_index("ix_indicator_reading_name_at", ["name", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("indicator_reading", schema=None) as batch_op:
        batch_op.drop_index("ix_indicator_reading_name_at")
    op.drop_table("indicator_reading")
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.drop_column("perspective")
