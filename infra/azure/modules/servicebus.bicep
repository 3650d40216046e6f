// The bus: topic <prefix>.uit with one subscription per partner that hears only its own events, and an intake queue
// <prefix>.in.<role>.<oin> per partner and role. Entra ID only: shared access keys are switched off.

import { busPartner } from '../types.bicep'

@description('Globally unique, 6-50 letters, digits and dashes.')
param name string

param location string

param tags object

@description('The start of every entity name, Schuldketen__Bus__Prefix.')
param prefix string

param partners busPartner[]

@description('Attempts before Service Bus dead-letters a message itself: above the hub\'s own Schuldketen__Bus__MaxDeliveryCount.')
@minValue(1)
param maxDeliveryCount int

// The application property the hub sets to the recipient's OIN (BusAddresses.RecipientProperty).
var recipientProperty = 'schuldketen_ontvanger'

var organisations = union(map(partners, partner => partner.organisation), [])

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: '${prefix}.uit'
  properties: {
    supportOrdering: true
    defaultMessageTimeToLive: 'P14D'
  }
}

resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for organisation in organisations: {
    parent: topic
    name: organisation
    properties: {
      maxDeliveryCount: maxDeliveryCount
      deadLetteringOnMessageExpiration: true
      deadLetteringOnFilterEvaluationExceptions: true
      lockDuration: 'PT1M'
    }
  }
]

// Named $Default so it replaces the catch-all rule Service Bus gives every new subscription, rather than joining it.
resource onlyOwnEvents 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [
  for (organisation, index) in organisations: {
    parent: subscriptions[index]
    name: '$Default'
    properties: {
      filterType: 'CorrelationFilter'
      correlationFilter: {
        properties: {
          '${recipientProperty}': organisation
        }
      }
    }
  }
]

resource intake 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [
  for partner in partners: {
    parent: namespace
    name: '${prefix}.in.${partner.role}.${partner.organisation}'
    properties: {
      maxDeliveryCount: maxDeliveryCount
      deadLetteringOnMessageExpiration: true
      lockDuration: 'PT1M'
      defaultMessageTimeToLive: 'P14D'
    }
  }
]

output name string = namespace.name

// The endpoint reads https://<namespace>.<suffix>:443/; the hub wants the host name alone.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '//')[1], ':')[0]
