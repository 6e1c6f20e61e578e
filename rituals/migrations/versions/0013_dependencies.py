"""Dependencies between initiatives: asked of the provider's owner, watched for trouble.

Revision ID: 0013_dependencies
Revises: 0012_polls
"""

from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

import rituals.models

revision: str = "0013_dependencies"
down_revision: Union[str, Sequence[str], None] = "0012_polls"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "dependency",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dependent_id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("needed_by", sa.Date(), nullable=True),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("created_at", rituals.models.UTCDateTime(), nullable=False),
        sa.Column("asked_at", rituals.models.UTCDateTime(), nullable=True),
        sa.Column("decided_by", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("decided_at", rituals.models.UTCDateTime(), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("last_alert", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
        sa.Column("alerted_at", rituals.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["dependent_id"], ["initiative.id"]),
        sa.ForeignKeyConstraint(["provider_id"], ["initiative.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dependent_id", "provider_id", name="uq_dependency"),
    )
    with op.batch_alter_table("dependency", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dependency_dependent_id"), ["dependent_id"])
        batch_op.create_index(batch_op.f("ix_dependency_provider_id"), ["provider_id"])


def downgrade() -> None:
    with op.batch_alter_table("dependency", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dependency_provider_id"))
        batch_op.drop_index(batch_op.f("ix_dependency_dependent_id"))
    op.drop_table("dependency")
