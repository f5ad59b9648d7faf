#!/usr/bin/env bash
# One-shot topic creation for docker-compose.yml (service kafka-init, image apache/kafka).
# The table below mirrors shared/Hosting/TopicCatalog.cs (name, partitions, retention); the Deployment
# tests fail when the two disagree. Partitions are the unit of scaling: one worker replica per partition
# at most. Creation is idempotent (--if-not-exists), so re-running the stack is safe.
#
# Environment:
#   BOOTSTRAP_SERVERS   broker to talk to (default kafka:9092)
#   REPLICATION_FACTOR  copies per partition (default 1: the compose broker is a single node)
#   KAFKA_BIN           folder holding kafka-topics.sh (default /opt/kafka/bin, as in apache/kafka)
#   WAIT_SECONDS        how long to wait for the broker before giving up (default 120)
set -euo pipefail

BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-kafka:9092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
WAIT_SECONDS="${WAIT_SECONDS:-120}"

WEEK_MS=$((7 * 24 * 3600 * 1000))
MONTH_MS=$((30 * 24 * 3600 * 1000))

# The broker may accept TCP before its metadata is ready; listing topics succeeds only once it serves requests.
deadline=$((SECONDS + WAIT_SECONDS))
until "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --list >/dev/null 2>&1; do
  if ((SECONDS >= deadline)); then
    echo "kafka-init: broker $BOOTSTRAP_SERVERS not ready after ${WAIT_SECONDS}s" >&2
    exit 1
  fi
  echo "kafka-init: waiting for $BOOTSTRAP_SERVERS ..."
  sleep 2
done

created=0
# name  partitions  retention (7 days for inputs and features, 30 days for massfunction and dead letters;
# posteriors are compacted: the newest posterior of every cluster is kept for the massfunction service's rebuild)
while read -r name partitions retention; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  case "$retention" in
    week) config="retention.ms=$WEEK_MS" ;;
    month) config="retention.ms=$MONTH_MS" ;;
    compact) config="cleanup.policy=compact" ;;
    *) echo "kafka-init: unknown retention '$retention' for $name" >&2; exit 1 ;;
  esac
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" \
    --config "$config" </dev/null  # the JVM must not eat the topic table on stdin
  created=$((created + 1))
done <<'TOPICS'
catalogues            12 week
maps                  12 week
profiles               6 week
features.phase-space  12 week
features.maps         12 week
posteriors.mass       12 compact
posteriors.params      6 compact
posteriors.cgm        12 compact
massfunction           4 month
catalogues.dlq         4 month
maps.dlq               4 month
profiles.dlq           4 month
features.phase-space.dlq 4 month
posteriors.mass.dlq    4 month
features.maps.dlq      4 month
TOPICS

echo "kafka-init: $created topics present on $BOOTSTRAP_SERVERS"
"$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP_SERVERS" --describe --exclude-internal
