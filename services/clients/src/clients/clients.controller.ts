import { ClientsRpc, type CreateClientRequest, type GetClientRequest, type ListClientsRequest, type UpdateClientRequest } from '@cobranza/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { toClientMessage } from './client.mapper';
import { ClientsUseCases } from './clients.usecases';

@Controller()
export class ClientsController {
  constructor(private readonly clients: ClientsUseCases) {}

  @MessagePattern(ClientsRpc.createClient.subject)
  create(@Payload() request: CreateClientRequest) {
    return this.clients.create(request);
  }

  @MessagePattern(ClientsRpc.getClient.subject)
  async get(@Payload() request: GetClientRequest) {
    return toClientMessage(await this.clients.find(request.tenantId, request.id));
  }

  @MessagePattern(ClientsRpc.updateClient.subject)
  update(@Payload() request: UpdateClientRequest) {
    return this.clients.update(request);
  }

  @MessagePattern(ClientsRpc.listClients.subject)
  list(@Payload() request: ListClientsRequest) {
    return this.clients.list(request);
  }
}
