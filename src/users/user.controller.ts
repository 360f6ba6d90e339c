import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { Role } from 'src/auth/role';
import { IdParam } from 'src/common/http/id-param';
import { type Page, PageQueryDto } from 'src/common/http/page.dto';
import { Idempotent } from 'src/idempotency/idempotent.decorator';
import { CreateUserDto, UpdateUserDto, UserResponseDto } from 'src/users/user.dto';
import { UserService } from 'src/users/user.service';

@ApiTags('users')
@Controller('admin/users')
export class UserController {
  constructor(private readonly users: UserService) {}

  /** Accounts whose home unit is in the admin's subtree. */
  @Authenticated(Role.Admin)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<Page<UserResponseDto>> {
    return this.users.list(actor, page);
  }

  @Authenticated(Role.Admin)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<UserResponseDto> {
    return this.users.get(actor, id);
  }

  @Authenticated(Role.Admin)
  @Post()
  @Idempotent()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return this.users.create(actor, dto);
  }

  /** Changes name, roles, home unit, active flag or password; needs the version you read. */
  @Authenticated(Role.Admin)
  @Patch(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUserDto): Promise<UserResponseDto> {
    return this.users.update(actor, id, dto);
  }
}
