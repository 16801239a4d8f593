// svib-bot in Azure: storage for installations and turn state, the App Service that runs
// the bot, and the Azure Bot that connects it to Teams. Deployed by teamsapp.yml (arm/deploy).
//
// Kept to syntax Bicep v0.9 understands (the version teamsapp.yml pins): multi-line object
// and array literals only, no user-defined types, no safe-dereference.

@minLength(4)
@maxLength(20)
@description('Lowercase letters and digits; prefix of every resource name. The toolkit appends RESOURCE_SUFFIX.')
param resourceBaseName string

@description('Client id of the bot\'s Entra app (BOT_ID, from botAadApp/create).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app (SECRET_BOT_PASSWORD, from botAadApp/create).')
param botAadAppClientSecret string

@maxLength(42)
@description('Name of the bot as shown in the Azure portal.')
param botDisplayName string

// Azure no longer creates new MultiTenant bot resources (deprecated after 31 July 2025),
// so a fresh environment uses SingleTenant: the bot gets its tokens from its own tenant.
// MultiTenant remains for environments whose bot resource already exists as such.
@allowed([
  'SingleTenant'
  'MultiTenant'
])
@description('How the bot authenticates to the Bot Framework; becomes BOT_TYPE for the app.')
param botAppType string = 'SingleTenant'

@description('Tenant of the bot\'s Entra app; required for SingleTenant, ignored for MultiTenant.')
param botTenantId string = ''

// A fresh secret per deployment: the links it signs live for minutes, so a redeploy costs nothing.
@secure()
@description('Signs the short-lived calendar links; leave the default.')
param linkSigningSecret string = newGuid()

@description('Client id of the Entra app for Teams SSO on the recording pages (AAD_APP_CLIENT_ID, from aadApp/create).')
param ssoClientId string

@description('Entra object ids or e-mail addresses of the first beheerders (comma separated); after that roles are managed in Teams.')
param initialBeheerders string = ''

param location string = resourceGroup().location

// alwaysOn (below) needs Basic or higher; F1/D1 would fail the deployment.
@description('App Service plan SKU, e.g. B1, B2, P0v3.')
param webAppSku string = 'B1'

// One place for the prefix: the names below and the app's STORAGE_NAME_PREFIX must agree,
// or the bot would create (and use) a second set of tables next to these.
var storageNamePrefix = 'svib'
var storageAccountName = toLower(replace('${resourceBaseName}st', '-', ''))

var storageRoleIds = [
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor (the delivery queue)
]

// Data about teachers' coaching trajectories lives here: no anonymous access, no account
// keys. The app reaches it with its managed identity only.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

// No blob soft delete (and no versioning): a recording the teacher or retention deletes must be
// gone at once, not kept seven more days. Soft delete cannot be set per container, so it is off
// for the account; turn state lost by mistake is rebuilt by the next turn. Container soft delete
// stays: it guards against deleting a whole container by mistake.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: false
    }
    isVersioningEnabled: false
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    // The upload and player pages reach Blob Storage from the browser: only from the app's own origin.
    cors: {
      corsRules: [
        {
          allowedOrigins: [
            'https://${resourceBaseName}.azurewebsites.net'
          ]
          allowedMethods: [
            'GET'
            'HEAD'
            'PUT'
            'OPTIONS'
          ]
          allowedHeaders: [
            '*'
          ]
          exposedHeaders: [
            '*'
          ]
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource recordingsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: '${storageNamePrefix}-recordings'
  properties: {
    publicAccess: 'None'
  }
}

// Second line of defence behind the app's retention job: no recording outlives a school year and a bit.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-old-recordings'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${storageNamePrefix}-recordings/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 400
                }
              }
            }
          }
        }
        // Behind the app's sweep: an upload never registered is gone within two days.
        {
          name: 'delete-abandoned-uploads'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${storageNamePrefix}-recordings/staging/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 1
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource turnStateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: '${storageNamePrefix}-turnstate'
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// The app creates every table it uses on start (the table role allows that); these are made
// here so the first requests after a deployment do not depend on it.
var tableNames = [
  '${storageNamePrefix}Installations'
  '${storageNamePrefix}ProcessedActivities'
]

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for tableName in tableNames: {
  parent: tableService
  name: tableName
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Every proactive message waits here until a sender hands it to Teams; what cannot be sent after
// the retries lands in the poison queue (see README, "Deliveries"). The app creates both too.
var queueNames = [
  '${storageNamePrefix}-deliveries'
  '${storageNamePrefix}-deliveries-poison'
]

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queueName in queueNames: {
  parent: queueService
  name: queueName
}]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // what makes the plan Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      // Node 24 LTS, supported until 30 April 2028; package.json engines and teamsapp.yml name it too.
      linuxFxVersion: 'NODE|24-lts'
      // Only starts the bot: ffmpeg (for fragment clips) ships inside the deployment as the npm
      // package @ffmpeg-installer/ffmpeg, so nothing is installed when a container starts.
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      // Reports 503 when storage is unreachable, so App Service stops routing to a broken instance.
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        // teamsapp.yml builds and prunes to production dependencies before zip-deploying dist/ and node_modules/, so
        // App Service must not run its own build (Oryx) over them. WEBSITE_RUN_FROM_PACKAGE
        // is not used: it mounts wwwroot read-only, which rules out a server-side npm ci
        // should the deployment ever switch to one.
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
        // Only Windows plans read this; on Linux linuxFxVersion picks Node. Kept so the
        // intended version is stated the same way in both places.
        {
          name: 'WEBSITE_NODE_DEFAULT_VERSION'
          value: '~24'
        }
        // With an account name and no connection string, the app uses DefaultAzureCredential,
        // which here resolves to this site's system-assigned identity.
        {
          name: 'AZURE_STORAGE_ACCOUNT_NAME'
          value: storage.name
        }
        {
          name: 'STORAGE_NAME_PREFIX'
          value: storageNamePrefix
        }
        {
          name: 'BOT_ID'
          value: botAadAppClientId
        }
        {
          name: 'BOT_PASSWORD'
          value: botAadAppClientSecret
        }
        {
          name: 'BOT_TYPE'
          value: botAppType
        }
        {
          name: 'BOT_TENANT_ID'
          value: botTenantId
        }
        {
          name: 'LINK_SIGNING_SECRET'
          value: '${linkSigningSecret}${uniqueString(linkSigningSecret, resourceGroup().id)}'
        }
        {
          name: 'PUBLIC_BASE_URL'
          value: 'https://${resourceBaseName}.azurewebsites.net'
        }
        // Teams SSO: the recording pages open as Teams dialogs and sign in with the user's Teams token.
        {
          name: 'SSO_CLIENT_ID'
          value: ssoClientId
        }
        {
          name: 'SSO_APP_ID_URI'
          value: 'api://${resourceBaseName}.azurewebsites.net/${ssoClientId}'
        }
        {
          name: 'INITIAL_BEHEERDERS'
          value: initialBeheerders
        }
        {
          name: 'LOG_LEVEL'
          value: 'info'
        }
      ]
    }
  }
}

// FTP is never used for deployment; the SCM (Kudu) endpoint stays, the toolkit deploys through it.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// Data-plane roles on this one account, nothing more. Deploying role assignments needs
// Owner or User Access Administrator on the resource group.
resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleId in storageRoleIds: {
  scope: storage
  name: guid(storage.id, webApp.id, roleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'SingleTenant' ? botTenantId : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Written to env/.env.<env> by arm/deploy under these names.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
