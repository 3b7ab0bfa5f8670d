#!/usr/bin/env bash
# Prepares an existing Temporal cluster for Vocero with the temporal CLI: namespace and search attributes.
# Vocero also registers missing search attributes at start-up (temporal.registerSearchAttributes), but a
# cluster where the process lacks operator rights (Temporal Cloud) needs this run once by an admin.
#   TEMPORAL_ADDRESS=host:7233 TEMPORAL_NAMESPACE=vocero ./deployment/temporal-setup.sh
set -euo pipefail
ns="${TEMPORAL_NAMESPACE:-default}"
addr="${TEMPORAL_ADDRESS:-localhost:7233}"
temporal operator namespace describe --address "$addr" --namespace "$ns" >/dev/null 2>&1 \
  || temporal operator namespace create --address "$addr" --namespace "$ns" --retention 720h
for name in VoceroOrg VoceroKind VoceroStatus VoceroBatchId VoceroCampaignId; do
  temporal operator search-attribute create --address "$addr" --namespace "$ns" --name "$name" --type Keyword \
    || echo "search attribute $name already exists"
done
