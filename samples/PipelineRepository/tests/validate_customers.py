"""Custom data test of daily_customer_sync: every synced customer has an e-mail address."""
import sys


def main(rows):
    missing = [row for row in rows if not row.get("email")]
    if missing:
        print(f"{len(missing)} customers without e-mail", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main([]))
