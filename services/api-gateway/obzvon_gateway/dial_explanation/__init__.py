"""Why a contact is or is not being dialled, and when it next will be (F-40)."""
