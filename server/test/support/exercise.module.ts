import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Public } from '../../src/core/http';

class NestedDto {
  @IsBoolean()
  flag: boolean;
}

export class EchoDto {
  @IsString()
  @MaxLength(50)
  name: string;

  @IsInt()
  @Min(0)
  count: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => NestedDto)
  nested?: NestedDto;
}

class SlowQuery {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5000)
  ms: number;
}

/** Routes that exist only in tests, to drive the core pipeline (validation, errors, draining) end to end. */
@Controller('exercise')
@Public()
class ExerciseController {
  @Post('echo')
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }

  @Get('boom')
  boom(): never {
    throw new Error('relation "users" violates SELECT password_hash FROM users at /srv/app/secret.ts:12');
  }

  @Get('slow')
  async slow(@Query() query: SlowQuery): Promise<{ waitedMs: number }> {
    await new Promise((resolve) => setTimeout(resolve, query.ms));
    return { waitedMs: query.ms };
  }
}

@Module({ controllers: [ExerciseController] })
export class ExerciseModule {}
